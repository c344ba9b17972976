# SPDX-License-Identifier: Apache-2.0
# Sanitizer and fuzzing builds. Both apply to every target of the build (our code only; Qt, libyaml and
# OpenSSL are the system's uninstrumented libraries), so keep such a build in its own folder:
#   cmake -B build-asan -DAIRGATE_SANITIZE=address,undefined
#   cmake -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DAIRGATE_FUZZ=ON -DAIRGATE_SANITIZE=address,undefined
# `./build.sh test` builds the second (one build serves the sanitized test suite and the fuzz targets).

set(AIRGATE_SANITIZE "" CACHE STRING
    "Comma-separated sanitizers for every target, e.g. address,undefined (empty: none)")
option(AIRGATE_FUZZ "Build the libFuzzer targets under tests/fuzz (needs Clang)" OFF)

if(AIRGATE_SANITIZE)
    set(_san -fsanitize=${AIRGATE_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
    add_compile_options(${_san})
    add_link_options(${_san})
    message(STATUS "Sanitizers: ${AIRGATE_SANITIZE}")
endif()

if(AIRGATE_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "AIRGATE_FUZZ needs Clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
    endif()
    # Coverage feedback from all our code; only the fuzz targets link libFuzzer's main().
    add_compile_options(-fsanitize=fuzzer-no-link)
    add_compile_definitions(AIRGATE_FUZZING_BUILD)
endif()

# The environment every test of a sanitized build runs in (children such as `airgatectl serve`
# inherit it). Reports go to files under sanitizer-reports/ as well as failing the process, so a
# report from a child that the test never waits for still fails `./build.sh test`, which checks
# that folder after ctest.
set(AIRGATE_SANITIZER_TEST_ENV "")
if(AIRGATE_SANITIZE)
    set(_supp ${PROJECT_SOURCE_DIR}/tests/sanitizers)
    set(_reports ${PROJECT_BINARY_DIR}/sanitizer-reports)
    file(MAKE_DIRECTORY ${_reports})
    list(APPEND AIRGATE_SANITIZER_TEST_ENV
        "ASAN_OPTIONS=halt_on_error=1:abort_on_error=0:detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=0:log_path=${_reports}/asan:log_exe_name=1"
        "LSAN_OPTIONS=suppressions=${_supp}/lsan.supp:print_suppressions=0"
        "UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=${_supp}/ubsan.supp:log_path=${_reports}/ubsan:log_exe_name=1")
endif()
