#include "fita-error.h"

G_DEFINE_QUARK (fita-error-quark, fita_error)
