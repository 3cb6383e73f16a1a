# macOS: RollCall.app in a disk image built by CPack's DragNDrop generator:
#   cmake --preset macos && cmake --build --preset macos && cpack --preset macos-dmg
# Not built in this project's CI (no Mac); written against CMake's "CPack
# DragNDrop Generator" and Qt's deployment documentation. Signing and
# notarisation are left to the department's Apple developer account.
set(CPACK_GENERATOR "DragNDrop")
set(CPACK_DMG_VOLUME_NAME "RollCall")
set(CPACK_DMG_FORMAT "UDZO")
set(CPACK_PACKAGE_ICON "${PROJECT_SOURCE_DIR}/resources/icons/app/rollcall.icns")

# The GUI is an application bundle, RollCall.app; its Info.plist asks for the
# camera (webcam capture) with a reason the user sees.
set(ROLLCALL_ICNS "${PROJECT_SOURCE_DIR}/resources/icons/app/rollcall.icns")
set_source_files_properties("${ROLLCALL_ICNS}" PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
target_sources(rollcall PRIVATE "${ROLLCALL_ICNS}")
set_target_properties(rollcall PROPERTIES
    MACOSX_BUNDLE ON
    OUTPUT_NAME "RollCall"
    MACOSX_BUNDLE_INFO_PLIST "${CMAKE_CURRENT_LIST_DIR}/Info.plist.in"
    MACOSX_BUNDLE_BUNDLE_NAME "RollCall"
    MACOSX_BUNDLE_GUI_IDENTIFIER "${ROLLCALL_APP_ID}"
    MACOSX_BUNDLE_ICON_FILE "rollcall.icns"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}")
# rollcall-cli lives in the bundle (app/cli installs it to
# ROLLCALL_CLI_INSTALL_DIR) and finds the deployed frameworks from there.
set_target_properties(rollcall-cli PROPERTIES INSTALL_RPATH "@executable_path/../Frameworks")

# Qt frameworks, plugins and every other non-system dylib, via macdeployqt.
include("${CMAKE_CURRENT_LIST_DIR}/../Deploy.cmake")
