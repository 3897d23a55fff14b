#ifndef PILOTEVAL_CSQLITE_SHIM_H
#define PILOTEVAL_CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro casting -1 to a function pointer, which Swift cannot
// import; bind calls use this getter so SQLite copies the bytes before returning.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

// SQLite counts every allocation under a global mutex unless told not to
// (SQLITE_CONFIG_MEMSTATUS); piloteval never reads those counters, and a bulk import
// allocates per row. sqlite3_config is variadic, which Swift cannot call, hence the shim.
// It only works before SQLite initialises (the first open); later it returns
// SQLITE_MISUSE and changes nothing.
static inline int csqlite_disable_memory_statistics(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
#endif
