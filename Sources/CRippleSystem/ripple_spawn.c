#define _GNU_SOURCE
#include "ripple_spawn.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

// Between fork and exec only async-signal-safe calls (the parent may have many threads).
int ripple_spawn_limited(const char *path, char *const argv[], char *const envp[], const char *cwd,
                         int stderr_fd, unsigned long long memory_limit, pid_t *pid_out) {
    pid_t parent = getpid();
    int report[2];
    if (ripple_pipe_cloexec(report) != 0) return errno;
    int null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null_fd < 0) { int e = errno; close(report[0]); close(report[1]); return e; }
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(report[0]); close(report[1]); close(null_fd);
        return e;
    }
    if (pid == 0) {
        int failure = 0;
        struct sigaction action = {0};
        action.sa_handler = SIG_DFL;
        sigaction(SIGINT, &action, NULL);
        sigaction(SIGTERM, &action, NULL);
        sigaction(SIGPIPE, &action, NULL);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        // Killed with Ripple even when Ripple itself is killed (kill -9): the forking thread waits for the child.
#ifdef __linux__
        prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
        if (setpgid(0, 0) != 0) failure = errno;
        if (getppid() != parent) _exit(127);  // Ripple died before PR_SET_PDEATHSIG took hold
        if (!failure && memory_limit > 0) {
            struct rlimit limit = { (rlim_t)memory_limit, (rlim_t)memory_limit };
            if (setrlimit(RLIMIT_AS, &limit) != 0) failure = errno;
        }
        if (!failure && cwd && chdir(cwd) != 0) failure = errno;
        if (!failure && (dup2(null_fd, 0) < 0 || dup2(null_fd, 1) < 0 || dup2(stderr_fd, 2) < 0)) failure = errno;
        if (!failure) {
            execve(path, argv, envp);
            failure = errno;
        }
        ssize_t written = write(report[1], &failure, sizeof failure);
        (void)written;
        _exit(127);
    }
    setpgid(pid, pid);  // also here, so the group exists before the caller may kill it
    close(report[1]);
    close(null_fd);
    int failure = 0;
    ssize_t got;
    do { got = read(report[0], &failure, sizeof failure); } while (got < 0 && errno == EINTR);
    close(report[0]);
    if (got == (ssize_t)sizeof failure) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        return failure ? failure : ECHILD;
    }
    *pid_out = pid;
    return 0;
}

int ripple_wait_group(pid_t pid) {
    // Wait without reaping first: while the leader is a zombie its id cannot be reused, so killing the group
    // reaches only what the program left running (which could otherwise hold its pipes open).
    siginfo_t info;
    while (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOWAIT) < 0) {
        if (errno != EINTR) return -1;
    }
    kill(-pid, SIGKILL);
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    return status;
}

int ripple_pipe_cloexec(int fds[2]) {
#ifdef __linux__
    return pipe2(fds, O_CLOEXEC);
#else
    if (pipe(fds) != 0) return -1;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    return 0;
#endif
}
