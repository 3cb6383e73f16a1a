# The libFuzzer harnesses (fuzz_<name>.cpp), read by this folder's project that
# builds them and by tests/CMakeLists.txt that registers them with CTest.
set(ROLLCALL_FUZZ_HARNESSES
    imageloader
    csvreader
    xlsxreader
    backup
    onnxmodelinfo
    modeldescriptor
    pgconnectionsettings)
