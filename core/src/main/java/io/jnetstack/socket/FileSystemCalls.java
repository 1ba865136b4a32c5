package io.jnetstack.socket;

import io.jnetstack.personality.abi.Errno;
import io.jnetstack.socket.vfs.Cred;
import io.jnetstack.socket.vfs.VfsResult;

/** open, creat, mkdir, chmod, symlink and unlink on the host's file system, as the calling process's credentials allow. */
final class FileSystemCalls {
    private final KernelSyscalls sys;

    FileSystemCalls(KernelSyscalls sys) {
        this.sys = sys;
    }

    int open(String path, int flags) {
        if (path == null) {
            return sys.fail(Errno.EFAULT);
        }
        VfsResult r = sys.kernel.vfs().lookup(path, Cred.root(), true);
        return switch (r) {
            case VfsResult.Ok ok -> sys.install(new RegularFile(ok.node()), false, false);
            case VfsResult.Err err -> sys.fail(err.errno());
        };
    }

    int mkdir(String path, int mode) {
        return path == null ? sys.fail(Errno.EFAULT) : vfs(sys.kernel.vfs().mkdir(path, mode & ~sys.process.umask(),
                sys.process.cred()));
    }

    int creat(String path, int mode) {
        if (path == null) {
            return sys.fail(Errno.EFAULT);
        }
        VfsResult r = sys.kernel.vfs().createFile(path, mode & ~sys.process.umask(), sys.process.cred());
        return switch (r) {
            case VfsResult.Ok ok -> sys.install(new RegularFile(ok.node()), false, false);
            case VfsResult.Err err -> sys.fail(err.errno());
        };
    }

    int chmod(String path, int mode) {
        return path == null ? sys.fail(Errno.EFAULT) : vfs(sys.kernel.vfs().chmod(path, mode, sys.process.cred()));
    }

    int symlink(String target, String linkPath) {
        return target == null || linkPath == null ? sys.fail(Errno.EFAULT)
                : vfs(sys.kernel.vfs().symlink(target, linkPath, sys.process.cred()));
    }

    int unlink(String path) {
        return path == null ? sys.fail(Errno.EFAULT) : vfs(sys.kernel.vfs().unlink(path, sys.process.cred()));
    }

    private int vfs(VfsResult r) {
        return switch (r) {
            case VfsResult.Ok ok -> 0;
            case VfsResult.Err err -> sys.fail(err.errno());
        };
    }
}
