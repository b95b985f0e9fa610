# SPDX-License-Identifier: MIT
# Compiler warnings applied to every Pianola target through pianola_set_warnings().
function(pianola_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                             -Wold-style-cast -Wcast-align -Woverloaded-virtual
                                             -Wimplicit-fallthrough)
  endif()
endfunction()
