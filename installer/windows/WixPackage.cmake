# Windows: an MSI built by CPack's WiX generator (WiX Toolset 3 on PATH):
#   cmake --preset windows-msvc && cmake --build --preset windows-msvc && cpack --preset windows-msi
# Not built in this project's CI (no Windows machine); written against CMake's
# "CPack WIX Generator" and Qt's deployment documentation.
set(CPACK_GENERATOR "WIX")
# The upgrade code identifies RollCall across versions so a new MSI replaces
# the old one. Generated once for RollCall: never change it.
set(CPACK_WIX_UPGRADE_GUID "4ACD6F88-9269-484F-981E-C310C9E0297F")
set(CPACK_WIX_PRODUCT_ICON "${PROJECT_SOURCE_DIR}/resources/icons/app/rollcall.ico")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "RollCall")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_WIX_ARCHITECTURE "x64")
set(CPACK_CREATE_DESKTOP_LINKS "rollcall")

# A windowed (not console) GUI with the application icon embedded.
set_target_properties(rollcall PROPERTIES WIN32_EXECUTABLE ON)
set(ROLLCALL_ICO "${PROJECT_SOURCE_DIR}/resources/icons/app/rollcall.ico")
configure_file("${CMAKE_CURRENT_LIST_DIR}/rollcall.rc.in" "${CMAKE_CURRENT_BINARY_DIR}/rollcall.rc" @ONLY)
target_sources(rollcall PRIVATE "${CMAKE_CURRENT_BINARY_DIR}/rollcall.rc")

# Qt's DLLs, plugins (platforms, sqldrivers, iconengines, imageformats,
# multimedia, tls) and Qt's own translations, via windeployqt. The other DLLs
# (OpenCV, dlib, libxlsxwriter, minizip, QtKeychain and theirs) are copied by
# vcpkg's install() hook (X_VCPKG_APPLOCAL_DEPS_INSTALL=ON in the preset).
include("${CMAKE_CURRENT_LIST_DIR}/../Deploy.cmake")
