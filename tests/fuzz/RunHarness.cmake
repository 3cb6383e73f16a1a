# Runs one libFuzzer harness for CTest (cmake -P RunHarness.cmake):
#   -DMODE=fuzz   -DHARNESS=<exe> -DSECONDS=<n> -DCORPUS=<dir> -DSEEDS=<dir> -DARTIFACTS=<dir>
#       fuzzes for SECONDS from the seeds, in a corpus folder emptied first so
#       every run (and its duration) starts from the same point;
#   -DMODE=replay -DHARNESS=<exe> -DINPUTS=<dir>
#       runs each kept crash input once; a folder without inputs passes.
if(MODE STREQUAL "fuzz")
    file(REMOVE_RECURSE "${CORPUS}")
    file(MAKE_DIRECTORY "${CORPUS}" "${ARTIFACTS}")
    execute_process(COMMAND "${HARNESS}" -max_total_time=${SECONDS} -timeout=25 -rss_limit_mb=2048
                            -print_final_stats=1 "-artifact_prefix=${ARTIFACTS}/" "${CORPUS}" "${SEEDS}"
                    RESULT_VARIABLE rc)
elseif(MODE STREQUAL "replay")
    file(GLOB inputs LIST_DIRECTORIES false "${INPUTS}/*")
    if(NOT inputs)
        message(STATUS "No regression inputs in ${INPUTS}")
        return()
    endif()
    execute_process(COMMAND "${HARNESS}" -timeout=25 -rss_limit_mb=2048 ${inputs} RESULT_VARIABLE rc)
else()
    message(FATAL_ERROR "MODE must be fuzz or replay")
endif()
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${HARNESS} failed (${rc})")
endif()
