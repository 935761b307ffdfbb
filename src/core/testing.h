/*
 * testing: what every cmocka unit test includes first.  cmocka defines a
 * macro called fail(), which would hide our fail(); tests use cmocka's
 * fail_msg() instead.
 */
#ifndef SCHAKEL_TESTING_H
#define SCHAKEL_TESTING_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#undef fail

#endif
