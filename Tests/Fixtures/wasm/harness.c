/* Native driver for the differential tests: prints run(n) for every argument n. */
#include <stdio.h>
#include <stdlib.h>
#include "fixture.h"
int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) printf("%lld\n", run(atoi(argv[i])));
    return 0;
}
