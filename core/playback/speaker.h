#pragma once

namespace cv {

// The two parties of a call as the recording keeps them (DESIGN.md): agent = left channel,
// customer = right channel. The values are the channel indexes.
enum class Speaker : int
{
    Agent = 0,
    Customer = 1
};

} // namespace cv
