// SPDX-License-Identifier: MIT
// How the app asks the C library to hand freed memory back to the system.
#include "app/MemoryPolicy.h"

#include <cstdlib> // defines __GLIBC__ on glibc systems

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace pianola::app {

void returnFreedMemoryToTheSystem()
{
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 128 * 1024); // a fixed threshold: no longer adjusted upwards
#endif
}

} // namespace pianola::app
