# rollcall_add_test(NAME <name> SOURCES <files…> [LIBS <targets…>] [LABELS <labels…>] [TIMEOUT <s>] [GUI])
#
# One Qt Test executable per class, registered with CTest. Every test gets the
# shared test data folder and the models folder through compile definitions and
# runs with the offscreen Qt platform.

get_filename_component(ROLLCALL_TEST_DATA_DIR "${PROJECT_SOURCE_DIR}/../shared/data" ABSOLUTE)
if(NOT IS_DIRECTORY "${ROLLCALL_TEST_DATA_DIR}")
    message(FATAL_ERROR "The test data folder ${ROLLCALL_TEST_DATA_DIR} is missing. The tests need the shared "
                        "data beside the project root (../shared/data), or configure with -DBUILD_TESTING=OFF.")
endif()

if(DEFINED ENV{ROLLCALL_MODELS_DIR} AND NOT "$ENV{ROLLCALL_MODELS_DIR}" STREQUAL "")
    set(_rollcall_default_models "$ENV{ROLLCALL_MODELS_DIR}")
elseif(DEFINED ENV{XDG_DATA_HOME} AND NOT "$ENV{XDG_DATA_HOME}" STREQUAL "")
    set(_rollcall_default_models "$ENV{XDG_DATA_HOME}/rollcall/models")
else()
    set(_rollcall_default_models "$ENV{HOME}/.local/share/rollcall/models")
endif()
set(ROLLCALL_TEST_MODELS_DIR "${_rollcall_default_models}" CACHE PATH "Models folder the tests use")
message(STATUS "RollCall tests: data ${ROLLCALL_TEST_DATA_DIR}, models ${ROLLCALL_TEST_MODELS_DIR}")

function(rollcall_add_test)
    cmake_parse_arguments(ARG "GUI" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    if(NOT ARG_NAME OR NOT ARG_SOURCES)
        message(FATAL_ERROR "rollcall_add_test needs NAME and SOURCES")
    endif()
    set(target "tst_${ARG_NAME}")
    add_executable(${target} ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE Qt6::Test RollCall::TestSupport RollCall::BuildOptions ${ARG_LIBS})
    if(ARG_GUI)
        target_link_libraries(${target} PRIVATE RollCall::Ui)
    endif()
    target_compile_definitions(${target} PRIVATE
        ROLLCALL_TEST_DATA_DIR="${ROLLCALL_TEST_DATA_DIR}"
        ROLLCALL_TEST_MODELS_DIR="${ROLLCALL_TEST_MODELS_DIR}"
        ROLLCALL_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        ROLLCALL_CLI_PATH="$<TARGET_FILE:rollcall-cli>"
        ROLLCALL_GUI_PATH="$<TARGET_FILE:rollcall>")
    add_dependencies(${target} rollcall-cli rollcall)
    if(TARGET rollcall_dlib_cuda)
        add_dependencies(${target} rollcall_dlib_cuda)
    endif()
    add_test(NAME ${ARG_NAME} COMMAND ${target})
    set(env "QT_QPA_PLATFORM=offscreen" "ROLLCALL_MODELS_DIR=${ROLLCALL_TEST_MODELS_DIR}"
            "ROLLCALL_MODEL_MIRROR=${ROLLCALL_TEST_DATA_DIR}/../models"
            "ROLLCALL_PLUGIN_DIR=${ROLLCALL_PLUGIN_BUILD_DIR}")
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${ARG_NAME} PROPERTIES ENVIRONMENT "${env}" TIMEOUT ${ARG_TIMEOUT} LABELS "${ARG_LABELS}")
endfunction()
