#!/usr/bin/env python3
"""Lets OpenCV's core build against a CUDA toolkit without the NPP libraries.

NPP is only used by OpenCV's cudaarithm/cudaimgproc/cudafilters modules, which
RollCall does not build; core merely includes npp.h for shared helpers. With
npp.h present the sources are left exactly as they are.
Usage: patch-opencv-no-npp.py OPENCV_SOURCE_DIR
"""
import pathlib
import sys

root = pathlib.Path(sys.argv[1])
hpp = root / "modules/core/include/opencv2/core/private.cuda.hpp"
cpp = root / "modules/core/src/cuda_info.cpp"


def replace_once(text, old, new, where):
    if old not in text:
        sys.exit(f"patch-opencv-no-npp: pattern not found in {where}: {old[:60]!r}")
    return text.replace(old, new, 1)


h = hpp.read_text()
if "OPENCV_CUDA_HAVE_NPP" not in h:
    h = replace_once(h, "#  include <npp.h>\n",
                     "#  if __has_include(<npp.h>)\n#    include <npp.h>\n#    define OPENCV_CUDA_HAVE_NPP 1\n#  endif\n", hpp)
    h = replace_once(h, "# ifndef NPP_VERSION\n", "# if defined(OPENCV_CUDA_HAVE_NPP) && !defined(NPP_VERSION)\n", hpp)
    h = replace_once(h, "    template<int n> struct NPPTypeTraits;\n",
                     "#ifdef OPENCV_CUDA_HAVE_NPP\n    template<int n> struct NPPTypeTraits;\n", hpp)
    h = replace_once(h, "    private:\n        cudaStream_t oldStream;\n    };\n",
                     "    private:\n        cudaStream_t oldStream;\n    };\n#endif // OPENCV_CUDA_HAVE_NPP\n", hpp)
    hpp.write_text(h)

c = cpp.read_text()
if "OPENCV_CUDA_HAVE_NPP" not in c:
    c = replace_once(c, "    const ErrorEntry npp_errors [] =\n", "#ifdef OPENCV_CUDA_HAVE_NPP\n    const ErrorEntry npp_errors [] =\n", cpp)
    c = replace_once(c, "    const size_t npp_error_num = sizeof(npp_errors) / sizeof(npp_errors[0]);\n",
                     "    const size_t npp_error_num = sizeof(npp_errors) / sizeof(npp_errors[0]);\n#endif\n", cpp)
    c = replace_once(c, "    return getErrorString(code, npp_errors, npp_error_num);\n",
                     "#ifdef OPENCV_CUDA_HAVE_NPP\n    return getErrorString(code, npp_errors, npp_error_num);\n"
                     "#else\n    return cv::format(\"NPP error %d\", code);\n#endif\n", cpp)
    cpp.write_text(c)
print("patch-opencv-no-npp: applied")
