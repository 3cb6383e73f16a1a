# `cpack -G DEB` from the build folder makes rollcall_<version>_<arch>.deb.
# Libraries the executables link are found by dpkg-shlibdeps; Qt plugins are
# loaded at run time, so the packages that hold them are listed by hand.
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "education")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    # xcb/wayland platform plugins, SQLite and PostgreSQL drivers, SVG icon engine,
    # camera back ends: all dlopen()ed, so invisible to dpkg-shlibdeps.
    "qt6-qpa-plugins, libqt6sql6-sqlite, libqt6sql6-psql, libqt6svg6, libqt6multimedia6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    # OpenBLAS makes dlib's CPU path several times faster than the reference BLAS;
    # Qt's own translations for standard dialogs (Hindi falls back to English);
    # native Wayland windows (without it Qt uses XWayland); a Devanagari font
    # for the Hindi interface.
    "libopenblas0-pthread, qt6-translations-l10n, qt6-wayland, fonts-noto-core | fonts-lohit-deva")
# The synopsis line comes from CPACK_PACKAGE_DESCRIPTION_SUMMARY.
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "RollCall finds every face in a classroom photo, recognises the enrolled\n"
    "students of the class and lets the teacher correct the result before\n"
    "saving the session. Reports export to Excel and CSV; lab PCs keep a local\n"
    "SQLite database and can sync to a central PostgreSQL server.\n"
    "\n"
    "The face models are not included: the application downloads them on\n"
    "first run, or an administrator points it to a models folder in\n"
    "/etc/rollcall/rollcall.conf.")

install(FILES "${CMAKE_CURRENT_LIST_DIR}/../NOTICE.txt" "${CMAKE_CURRENT_LIST_DIR}/rollcall.conf.example"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/rollcall")
