#include <sqlite3.h>

/// sqlite3_config is variadic, which Swift cannot call. Turns off SQLite's allocation statistics,
/// which take a global mutex around every allocation; the store never reads them. Must run before
/// the first connection opens (then SQLite is initialised and this returns SQLITE_MISUSE).
static inline int csqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
