// Carries ICU's pkg-config flags to the ICUShim target. No Swift module imports CICU:
// Swift must never see ICU's headers (they clash with Foundation's private ICU copy).
#include <unicode/utypes.h>
