#ifndef OPTIMLINGS_CSQLITE_SHIM_H
#define OPTIMLINGS_CSQLITE_SHIM_H

#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro around a cast of -1 that Swift cannot import;
// this returns the same destructor value so bound text and blobs are copied.
static inline sqlite3_destructor_type optimlings_sqlite_transient(void) {
  return SQLITE_TRANSIENT;
}

#endif
