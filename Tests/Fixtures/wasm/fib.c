/* Recursive Fibonacci: call-heavy. run(n) = fib(n). */
#include "fixture.h"
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
EXPORT long long run(int n) { return fib(n); }
