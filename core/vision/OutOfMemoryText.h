#pragma once

#include <string_view>

namespace rollcall {

// CUDA, cuDNN and OpenCV report exhausted device memory only in their error
// text; callers retry those with smaller batches. Qt-free: the CUDA plugin
// uses it too.
class OutOfMemoryText
{
public:
    static bool matches(std::string_view what)
    {
        return what.find("out of memory") != std::string_view::npos // cudaErrorMemoryAllocation's text
            || what.find("ALLOC_FAILED") != std::string_view::npos // CUDNN_STATUS_ALLOC_FAILED, CUBLAS_…
            || what.find("cudaErrorMemoryAllocation") != std::string_view::npos;
    }
};

} // namespace rollcall
