#ifndef RIPPLE_SYSTEM_H
#define RIPPLE_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 where unsupported or on error.
int ripple_exchange_paths(const char *a, const char *b);

#endif
