/*
 * schakel: the shared case and referral system of the Dutch chain of care
 * around victims of human trafficking.  The entry point only hands over to
 * the command line in cli/.
 */
#include <sys/stat.h>

#include "cli/cli.h"

int
main(int argc, char **argv)
{
	/* Databases, keys and backups are for this user alone. */
	umask(077);
	return cli_main(argc, argv);
}
