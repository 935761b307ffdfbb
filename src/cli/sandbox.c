#include "cli/sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/landlock.h>

/* The file rights Landlock knows in each ABI this build can name. */
#define FS_FILE_RIGHTS	(LANDLOCK_ACCESS_FS_EXECUTE | \
	LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_READ_FILE)
#define FS_ABI1		((LANDLOCK_ACCESS_FS_MAKE_SYM << 1) - 1)
#define FS_ABI2		(FS_ABI1 | LANDLOCK_ACCESS_FS_REFER)

#define READ_TREE	(LANDLOCK_ACCESS_FS_READ_FILE | \
	LANDLOCK_ACCESS_FS_READ_DIR)
#define EXEC_TREE	(READ_TREE | LANDLOCK_ACCESS_FS_EXECUTE)
#define DATA_TREE	(READ_TREE | LANDLOCK_ACCESS_FS_WRITE_FILE | \
	LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_REG | \
	LANDLOCK_ACCESS_FS_REFER)

static const struct {
	const char	*path;
	uint64_t	 access;
} system_paths[] = {
	{ "/etc", READ_TREE },		/* hosts, resolv.conf, certificates */
	{ "/usr", EXEC_TREE },		/* libraries, NSS modules */
	{ "/lib", EXEC_TREE },
	{ "/lib64", EXEC_TREE },
	{ "/proc", READ_TREE },
	{ "/sys", READ_TREE },
	{ "/dev/null", LANDLOCK_ACCESS_FS_READ_FILE |
	    LANDLOCK_ACCESS_FS_WRITE_FILE },
	{ "/dev/urandom", LANDLOCK_ACCESS_FS_READ_FILE },
};

/*
 * Allow access (within handled) beneath path.  A path that does not exist
 * is skipped; a file gets only the rights a file can have.
 */
static int
allow(int ruleset, const char *path, uint64_t access, uint64_t handled,
    char *err, size_t errlen)
{
	struct landlock_path_beneath_attr rule;
	struct stat st;
	int fd;

	fd = open(path, O_PATH | O_CLOEXEC);
	if (fd == -1) {
		if (errno == ENOENT)
			return 0;
		snprintf(err, errlen, "sandbox: cannot open '%s': %s", path,
		    strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == 0 && !S_ISDIR(st.st_mode))
		access &= FS_FILE_RIGHTS;
	memset(&rule, 0, sizeof(rule));
	rule.parent_fd = fd;
	rule.allowed_access = access & handled;
	if (syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH,
	    &rule, 0) == -1) {
		snprintf(err, errlen, "sandbox: cannot allow '%s': %s", path,
		    strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

int
sandbox_enter(const char *data_dir, const char *const *extra, size_t nextra,
    char *err, size_t errlen)
{
	struct landlock_ruleset_attr attr;
	long abi;
	size_t i;
	int ruleset, rc = -1;

	abi = syscall(SYS_landlock_create_ruleset, NULL, 0,
	    LANDLOCK_CREATE_RULESET_VERSION);
	if (abi < 1)
		return 0;	/* ENOSYS or EOPNOTSUPP: no Landlock here */
	memset(&attr, 0, sizeof(attr));
	attr.handled_access_fs = abi >= 2 ? FS_ABI2 : FS_ABI1;
	ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr,
	    sizeof(attr), 0);
	if (ruleset == -1) {
		snprintf(err, errlen, "sandbox: cannot create a ruleset: %s",
		    strerror(errno));
		return -1;
	}
	for (i = 0; i < sizeof(system_paths) / sizeof(system_paths[0]); i++)
		if (allow(ruleset, system_paths[i].path,
		    system_paths[i].access, attr.handled_access_fs, err,
		    errlen) == -1)
			goto out;
	for (i = 0; i < nextra; i++)
		if (extra[i] != NULL && allow(ruleset, extra[i],
		    LANDLOCK_ACCESS_FS_READ_FILE, attr.handled_access_fs, err,
		    errlen) == -1)
			goto out;
	if (allow(ruleset, data_dir, DATA_TREE, attr.handled_access_fs, err,
	    errlen) == -1)
		goto out;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1 ||
	    syscall(SYS_landlock_restrict_self, ruleset, 0) == -1) {
		snprintf(err, errlen, "sandbox: cannot restrict the process: "
		    "%s", strerror(errno));
		goto out;
	}
	rc = (int)(abi >= 2 ? 2 : 1);
out:
	close(ruleset);
	return rc;
}
