# Installation layout and the choices an installation can compile in. The
# install() rules themselves sit beside what they install (app/, resources/,
# translations/); packaging is in installer/.
include(GNUInstallDirs)

# On macOS the CLI ships inside the application bundle (installer/macos).
if(APPLE)
    set(ROLLCALL_CLI_INSTALL_DIR "RollCall.app/Contents/MacOS")
else()
    set(ROLLCALL_CLI_INSTALL_DIR "${CMAKE_INSTALL_BINDIR}")
endif()

# Plugins (the CUDA backend for dlib) live in a folder the executables find
# relative to themselves; the build tree mirrors the installed layout so
# build/<preset>/app/rollcall finds them too.
if(WIN32 OR APPLE)
    set(ROLLCALL_PLUGIN_INSTALL_DIR "${ROLLCALL_CLI_INSTALL_DIR}/plugins")
    set(ROLLCALL_PLUGIN_RELDIR "plugins")
else()
    set(ROLLCALL_PLUGIN_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/rollcall/plugins")
    file(RELATIVE_PATH ROLLCALL_PLUGIN_RELDIR "/${CMAKE_INSTALL_BINDIR}" "/${ROLLCALL_PLUGIN_INSTALL_DIR}")
endif()
set(ROLLCALL_PLUGIN_BUILD_DIR "${PROJECT_BINARY_DIR}/${ROLLCALL_PLUGIN_INSTALL_DIR}")

# Where an installed RollCall looks for models when neither --models-dir nor
# ROLLCALL_MODELS_DIR is given: [paths] models_dir in the system configuration
# file wins, then this compiled-in folder, then the per-user data folder.
set(ROLLCALL_DEFAULT_MODELS_DIR "" CACHE PATH
    "Models folder compiled in as the installation's default (empty: the per-user data folder)")
if(UNIX AND NOT APPLE)
    # Fixed rather than prefix-relative, so /usr and /usr/local builds agree.
    set(_rollcall_system_config "/etc/rollcall/rollcall.conf")
else()
    set(_rollcall_system_config "")
endif()
set(ROLLCALL_SYSTEM_CONFIG "${_rollcall_system_config}" CACHE FILEPATH
    "System configuration file read at start-up for [paths] models_dir (empty: none)")
message(STATUS "RollCall install: prefix ${CMAKE_INSTALL_PREFIX}, system config '${ROLLCALL_SYSTEM_CONFIG}', "
               "default models folder '${ROLLCALL_DEFAULT_MODELS_DIR}'")
