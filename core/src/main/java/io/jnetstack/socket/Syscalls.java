package io.jnetstack.socket;

import io.jnetstack.personality.abi.Abi;

/**
 * The C-shaped system calls of one thread of one process (design.md §4): descriptors are ints, failure is -1 with
 * {@link #errno()} set to the OS's number, addresses are bytes in the OS's sockaddr layout and every constant comes
 * from {@link #abi()}. A buffer shorter than the length passed with it is memory outside the process: EFAULT, as the
 * kernel would say. The simulated kernel ({@link KernelSyscalls}) and the host kernel (through FFM) both implement it,
 * so scripts and tests run against either.
 *
 * <p>Length "in/out" parameters ({@code socklen_t *}) are one-element int arrays; a null array is a NULL pointer.
 */
public interface Syscalls {

    /** The ABI the numbers and layouts come from. */
    Abi abi();

    /** The errno of the last failing call on this thread (0 before any failure); calls that succeed leave it. */
    int errno();

    /** socket(2). {@code type} may carry SOCK_NONBLOCK / SOCK_CLOEXEC where the OS has them. */
    int socket(int domain, int type, int protocol);

    /** socketpair(2): the two descriptors in {@code sv[0]} and {@code sv[1]}. */
    int socketpair(int domain, int type, int protocol, int[] sv);

    /** open(2) of a path in the host's file system (regular files, directories, /dev/null). */
    int open(String path, int flags);

    /** bind(2). */
    int bind(int fd, byte[] addr, int addrlen);

    /** listen(2). */
    int listen(int fd, int backlog);

    /** accept(2): the peer's address into {@code addr} (may be null), its length in and out through {@code addrlen}. */
    int accept(int fd, byte[] addr, int[] addrlen);

    /** accept4(2) (Linux, FreeBSD, OpenBSD; macOS: ENOSYS): SOCK_NONBLOCK / SOCK_CLOEXEC in {@code flags}. */
    int accept4(int fd, byte[] addr, int[] addrlen, int flags);

    /** connect(2). */
    int connect(int fd, byte[] addr, int addrlen);

    /** close(2). */
    int close(int fd);

    /** shutdown(2) with SHUT_RD, SHUT_WR or SHUT_RDWR. */
    int shutdown(int fd, int how);

    /** read(2) of up to {@code count} bytes into {@code buf}. */
    int read(int fd, byte[] buf, int count);

    /** write(2) of {@code count} bytes from {@code buf}. */
    int write(int fd, byte[] buf, int count);

    /** recv(2). */
    int recv(int fd, byte[] buf, int len, int flags);

    /** send(2). */
    int send(int fd, byte[] buf, int len, int flags);

    /** recvfrom(2): the source address into {@code addr} (may be null). */
    int recvfrom(int fd, byte[] buf, int len, int flags, byte[] addr, int[] addrlen);

    /** sendto(2) to {@code addr} (null with addrlen 0: the connected peer). */
    int sendto(int fd, byte[] buf, int len, int flags, byte[] addr, int addrlen);

    /** recvmsg(2) with one data buffer and no ancillary data. */
    int recvmsg(int fd, MessageHeader msg, int flags);

    /** sendmsg(2) with one data buffer and no ancillary data. */
    int sendmsg(int fd, MessageHeader msg, int flags);

    /** getsockopt(2): the value into {@code optval}, its length in and out through {@code optlen}. */
    int getsockopt(int fd, int level, int optname, byte[] optval, int[] optlen);

    /** setsockopt(2). */
    int setsockopt(int fd, int level, int optname, byte[] optval, int optlen);

    /** getsockname(2). */
    int getsockname(int fd, byte[] addr, int[] addrlen);

    /** getpeername(2). */
    int getpeername(int fd, byte[] addr, int[] addrlen);

    /** fcntl(2) with an int argument (F_GETFL, F_SETFL, F_GETFD, F_SETFD). */
    int fcntl(int fd, int cmd, int arg);

    /** ioctl(2) with an int in and out (FIONBIO, FIONREAD); a null {@code arg} is a NULL pointer. */
    int ioctl(int fd, int request, int[] arg);

    /** poll(2) over the first {@code nfds} entries; a negative timeout waits forever. */
    int poll(PollFd[] fds, int nfds, int timeoutMs);

    /** select(2); null sets are NULL pointers, a negative {@code timeoutUs} is a NULL timeout (wait forever). */
    int select(int nfds, FdSet readfds, FdSet writefds, FdSet exceptfds, long timeoutUs);

    /**
     * sysctl by name (Linux: the /proc/sys path with dots, e.g. {@code net.ipv4.ip_local_port_range}): the old values
     * into {@code oldValues} when non-null (EFAULT if it is too short; Linux's port range is two numbers), then
     * {@code newValues} written when non-null (EINVAL when the kernel refuses them). ENOENT for a name the OS lacks.
     */
    int sysctl(String name, long[] oldValues, long[] newValues);

    /** sigaction(2), reduced to what the pages need: a catching handler, with or without SA_RESTART, or the default. */
    int sigaction(int signo, SignalDisposition disposition);

    /** setrlimit(RLIMIT_NOFILE): the soft limit on descriptors (EMFILE beyond it). */
    int setOpenFileLimit(int limit);

    /** mkdir(2). */
    int mkdir(String path, int mode);

    /** creat(2): a new empty regular file, opened for writing. */
    int creat(String path, int mode);

    /** chmod(2). */
    int chmod(String path, int mode);

    /** symlink(2): {@code linkPath} pointing at {@code target}. */
    int symlink(String target, String linkPath);

    /** unlink(2). */
    int unlink(String path);

    /** setuid(2) (only root may change it; EPERM otherwise). */
    int setuid(int uid);

    /** setgid(2). */
    int setgid(int gid);

    /**
     * cap_enter(2) (FreeBSD): the process enters capability mode, where connect, bind and sendto with an address
     * fail with ECAPMODE (connectat on a directory descriptor is the way out, not modelled). ENOSYS elsewhere.
     */
    int capEnter();

    /**
     * pledge(2) (OpenBSD) with its promises, space-separated (stdio, inet, unix, dns, error, rpath, wpath, cpath…):
     * later socket calls outside them fail. EINVAL for an unknown promise, EPERM for one not held before; ENOSYS on
     * the other systems.
     */
    int pledge(String promises);
}
