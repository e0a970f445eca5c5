/* hb-cli-signoff.h — `hebahan-cli signoff DRAFT --output FILE.pdf`. */
#pragma once

int hb_cli_signoff (int    argc,
                    char **argv);
