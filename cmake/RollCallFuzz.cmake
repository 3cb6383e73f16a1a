# The libFuzzer harnesses of tests/fuzz, built with clang as an ExternalProject of
# their own (the rest of the build uses GCC) and run by CTest under the label
# "fuzz": each harness fuzzes for ROLLCALL_FUZZ_SECONDS from its generated seeds,
# and replays its kept crash inputs (tests/fuzz/regressions/<name>). Longer runs:
# scripts/fuzz.sh.
option(ROLLCALL_BUILD_FUZZERS "Build the libFuzzer harnesses (needs clang) and run them in the test suite" ON)
if(NOT ROLLCALL_BUILD_FUZZERS)
    return()
endif()
set(ROLLCALL_FUZZ_SECONDS 5 CACHE STRING "Seconds each fuzz harness runs in the test suite")

find_program(ROLLCALL_FUZZ_CXX NAMES clang++-14 clang++ DOC "clang++ that builds the libFuzzer harnesses")
# Checked here, not only when the harnesses build, so a machine without clang's
# libFuzzer stops at configuration instead of silently testing less.
if(ROLLCALL_FUZZ_CXX AND NOT ROLLCALL_FUZZ_CXX_CHECKED STREQUAL ROLLCALL_FUZZ_CXX)
    set(_probe "${CMAKE_CURRENT_BINARY_DIR}/fuzz-probe")
    file(WRITE "${_probe}.cpp" "#include <cstddef>\n#include <cstdint>\n"
                               "extern \"C\" int LLVMFuzzerTestOneInput(const uint8_t *, size_t) { return 0; }\n")
    execute_process(COMMAND "${ROLLCALL_FUZZ_CXX}" -fsanitize=fuzzer,address,undefined "${_probe}.cpp" -o "${_probe}"
                    RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _out)
    if(_rc EQUAL 0)
        set(ROLLCALL_FUZZ_CXX_CHECKED "${ROLLCALL_FUZZ_CXX}" CACHE INTERNAL "")
    else()
        message(FATAL_ERROR "${ROLLCALL_FUZZ_CXX} cannot build a libFuzzer harness with ASan and UBSan:\n${_out}")
    endif()
endif()
if(NOT ROLLCALL_FUZZ_CXX_CHECKED)
    message(FATAL_ERROR "The fuzz harnesses need clang with libFuzzer. On Debian 12: sudo apt-get install clang-14 "
                        "libclang-rt-14-dev (or run scripts/install-deps.sh), or configure with "
                        "-DROLLCALL_BUILD_FUZZERS=OFF to build and test without them.")
endif()

include(ExternalProject)
include("${PROJECT_SOURCE_DIR}/tests/fuzz/FuzzHarnesses.cmake")
set(_fuzz_dir "${PROJECT_BINARY_DIR}/fuzz")
set(_fuzz_programs "")
foreach(name IN LISTS ROLLCALL_FUZZ_HARNESSES)
    list(APPEND _fuzz_programs "${_fuzz_dir}/fuzz_${name}")
endforeach()
ExternalProject_Add(rollcall_fuzz
    SOURCE_DIR "${PROJECT_SOURCE_DIR}/tests/fuzz"
    BINARY_DIR "${_fuzz_dir}"
    CMAKE_ARGS "-DCMAKE_CXX_COMPILER=${ROLLCALL_FUZZ_CXX}"
    # One compiler at a time: the outer build keeps the other cores busy, and
    # the harnesses' sources are few (about 1.5 CPU-minutes in all).
    BUILD_COMMAND "${CMAKE_COMMAND}" --build <BINARY_DIR> -j 1
    BUILD_ALWAYS ON # the sources are the project's own: let the inner build decide what changed
    BUILD_BYPRODUCTS ${_fuzz_programs}
    INSTALL_COMMAND "")

foreach(name IN LISTS ROLLCALL_FUZZ_HARNESSES)
    set(_harness "${_fuzz_dir}/fuzz_${name}")
    add_test(NAME fuzz_${name}
             COMMAND "${CMAKE_COMMAND}" -DMODE=fuzz "-DHARNESS=${_harness}" "-DSECONDS=${ROLLCALL_FUZZ_SECONDS}"
                     "-DCORPUS=${_fuzz_dir}/ctest-corpus/${name}" "-DSEEDS=${_fuzz_dir}/seeds/${name}"
                     "-DARTIFACTS=${_fuzz_dir}/ctest-crashes/${name}"
                     -P "${PROJECT_SOURCE_DIR}/tests/fuzz/RunHarness.cmake")
    add_test(NAME fuzz_${name}_regressions
             COMMAND "${CMAKE_COMMAND}" -DMODE=replay "-DHARNESS=${_harness}"
                     "-DINPUTS=${PROJECT_SOURCE_DIR}/tests/fuzz/regressions/${name}"
                     -P "${PROJECT_SOURCE_DIR}/tests/fuzz/RunHarness.cmake")
    set_tests_properties(fuzz_${name} fuzz_${name}_regressions PROPERTIES LABELS fuzz TIMEOUT 120)
endforeach()
