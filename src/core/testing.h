/*
 * testing: what every cmocka unit test includes first.  cmocka defines a
 * macro called fail(), which would hide our fail(); tests use cmocka's
 * fail_msg(), redefined here to keep working.
 */
#ifndef SCHAKEL_TESTING_H
#define SCHAKEL_TESTING_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#undef fail
#undef fail_msg
#define fail_msg(msg, ...) do { \
	print_error("ERROR: " msg "\n", ##__VA_ARGS__); \
	_fail(__FILE__, __LINE__); \
} while (0)

#endif
