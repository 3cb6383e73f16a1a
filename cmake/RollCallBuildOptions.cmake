# One INTERFACE target carries the language standard, warnings and Qt strictness
# macros; every RollCall target links it PRIVATE so nothing is set directory-wide.
add_library(rollcall_build_options INTERFACE)
add_library(RollCall::BuildOptions ALIAS rollcall_build_options)

target_compile_features(rollcall_build_options INTERFACE cxx_std_20)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(rollcall_build_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local
        $<$<BOOL:${ROLLCALL_WERROR}>:-Werror>)
elseif(MSVC)
    target_compile_options(rollcall_build_options INTERFACE /W4 /permissive- /utf-8
        $<$<BOOL:${ROLLCALL_WERROR}>:/WX>)
endif()

target_compile_definitions(rollcall_build_options INTERFACE
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    ROLLCALL_VERSION="${PROJECT_VERSION}")
