#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FITA_ERROR (fita_error_quark ())

typedef enum {
  FITA_ERROR_NOT_SQLITE,     /* the file is not an SQLite database */
  FITA_ERROR_NOT_PLAN,       /* an SQLite database, but not a Fita plan */
  FITA_ERROR_NEWER_VERSION,  /* written by a newer Fita */
  FITA_ERROR_CORRUPT,        /* damaged or truncated */
  FITA_ERROR_READ_ONLY,      /* the plan was opened read-only */
  FITA_ERROR_IO,             /* the file cannot be read or written */
  FITA_ERROR_EXISTS,         /* refusing to overwrite */
  FITA_ERROR_INVALID,        /* a value or a document that breaks the rules */
  FITA_ERROR_NOT_FOUND,      /* no such item, code or name */
  FITA_ERROR_PARSE,          /* text that could not be read as a value */
  FITA_ERROR_YEAR_CLOSED,    /* a change to a year that is closed (fita-years.h) */
  FITA_ERROR_CONNECTION,     /* a shared plan's server cannot be reached, or the connection was lost */
  FITA_ERROR_PASSWORD,       /* the server asks for a password, or refused the one given */
  FITA_ERROR_CONFLICT,       /* someone else changed the same record first */
  FITA_ERROR_PERMISSION,     /* the server does not let this user make the change */
  FITA_ERROR_UNSUPPORTED,    /* a writer cannot write this (the caller has another way) */
} FitaError;

GQuark fita_error_quark (void);

G_END_DECLS
