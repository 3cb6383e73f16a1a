// OnnxModelInfo::parse: the protobuf of a model file given to `rollcall-cli models add`.
#include "FuzzSupport.h"

#include "models/OnnxModelInfo.h"

#include <cstdlib>

using namespace rollcall;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initialise();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto info = OnnxModelInfo::parse(fuzz::bytes(data, size));
    if (!info)
        return 0;
    if (info->inputs.isEmpty() || info->outputs.isEmpty())
        std::abort(); // parse() promises both
    for (const auto &tensors : { info->inputs, info->outputs }) {
        for (const OnnxModelInfo::Tensor &t : tensors) {
            if (!OnnxModelInfo::shapeText(t).startsWith(QLatin1Char('[')))
                std::abort();
        }
    }
    return 0;
}
