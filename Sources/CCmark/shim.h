#ifndef RIPPLE_CCMARK_SHIM_H
#define RIPPLE_CCMARK_SHIM_H
#include <cmark.h>
#endif
