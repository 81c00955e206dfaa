#ifndef RIPPLE_SPAWN_H
#define RIPPLE_SPAWN_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` (NULL-terminated) in folder `cwd`, as the leader of a new process group
/// (so the group can be killed with its children), with its address space limited to `memory_limit` bytes
/// (RLIMIT_AS; 0: no limit), standard input and output on /dev/null and standard error on `stderr_fd`.
/// SIGINT, SIGTERM and SIGPIPE are reset to their defaults and no signal is blocked in the child, whatever the
/// caller ignores or blocks. Returns 0 and the child's id in `pid_out`, or the errno of the failure (also of
/// a failed exec, reported back through a close-on-exec pipe).
int ripple_spawn_limited(const char *path, char *const argv[], char *const envp[], const char *cwd,
                         int stderr_fd, unsigned long long memory_limit, pid_t *pid_out);

/// Opens a pipe whose ends are closed on exec (so no other program started meanwhile inherits them).
/// Returns 0, or -1 with errno.
int ripple_pipe_cloexec(int fds[2]);

/// Waits for the group leader `pid` to end, kills what is left of its process group, then reaps it; returns
/// its raw wait status, or -1 with errno.
int ripple_wait_group(pid_t pid);

#endif
