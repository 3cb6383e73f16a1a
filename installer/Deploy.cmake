# Copies the Qt runtime next to the installed GUI (windeployqt on Windows,
# macdeployqt on macOS) when installing or packaging. Linux packages use the
# distribution's Qt instead. qt_generate_deploy_app_script() with OUTPUT_SCRIPT
# needs Qt 6.5 or later (vcpkg ships a newer Qt; Debian 12's 6.4 is not used here).
if(Qt6_VERSION VERSION_LESS 6.5)
    message(FATAL_ERROR "Deploying RollCall on Windows/macOS needs Qt 6.5 or later (found ${Qt6_VERSION})")
endif()
qt_generate_deploy_app_script(
    TARGET rollcall
    OUTPUT_SCRIPT ROLLCALL_DEPLOY_SCRIPT
    NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT "${ROLLCALL_DEPLOY_SCRIPT}")
