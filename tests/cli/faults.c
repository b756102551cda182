/* faults.c: an LD_PRELOAD shim that makes one system call fail, to test
 * what Fita does when a disk fills up or fails at a chosen point.
 *
 *   FITA_FAULT=CALL:ERRNO:N   the N-th call (from 1) of CALL fails with ERRNO
 *
 * CALL: write (write, pwrite, pwrite64), fsync (fsync, fdatasync) or rename;
 * ERRNO: ENOSPC or EIO. Only calls on files the program opened itself
 * count (not the standard streams), so the counts are the program's own. */
#undef _FILE_OFFSET_BITS  /* pwrite and pwrite64 are both defined here */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static char call[16];
static int error_code;
static long target = -1;
static long count;

__attribute__((constructor)) static void
setup (void)
{
  const char *spec = getenv ("FITA_FAULT");
  char code[16];

  if (spec == NULL || sscanf (spec, "%15[a-z]:%15[A-Z]:%ld", call, code, &target) != 3)
    return;
  error_code = strcmp (code, "EIO") == 0 ? EIO : ENOSPC;
}

static int
fails (const char *name, int fd)
{
  if (target < 0 || strcmp (name, call) != 0 || (fd >= 0 && fd <= 2))
    return 0;
  if (++count != target)
    return 0;
  errno = error_code;
  return 1;
}

#define NEXT(type, name, args) \
  static type (*next) args; \
  if (next == NULL) \
    next = (type (*) args) dlsym (RTLD_NEXT, #name)

ssize_t
write (int fd, const void *data, size_t size)
{
  NEXT (ssize_t, write, (int, const void *, size_t));
  return fails ("write", fd) ? -1 : next (fd, data, size);
}

ssize_t
pwrite (int fd, const void *data, size_t size, off_t offset)
{
  NEXT (ssize_t, pwrite, (int, const void *, size_t, off_t));
  return fails ("write", fd) ? -1 : next (fd, data, size, offset);
}

ssize_t
pwrite64 (int fd, const void *data, size_t size, off64_t offset)
{
  NEXT (ssize_t, pwrite64, (int, const void *, size_t, off64_t));
  return fails ("write", fd) ? -1 : next (fd, data, size, offset);
}

int
fsync (int fd)
{
  NEXT (int, fsync, (int));
  return fails ("fsync", fd) ? -1 : next (fd);
}

int
fdatasync (int fd)
{
  NEXT (int, fdatasync, (int));
  return fails ("fsync", fd) ? -1 : next (fd);
}

int
rename (const char *from, const char *to)
{
  NEXT (int, rename, (const char *, const char *));
  return fails ("rename", -1) ? -1 : next (from, to);
}
