// Replay driver for fuzz targets when libFuzzer is not available (gcc builds): runs every
// file given on the command line (directories are walked, sorted by name) through
// LLVMFuzzerTestOneInput, then a fixed set of mutations of each file: truncations and
// single-byte corruptions. A crash, sanitizer report or abort() fails the test.
// CALLVAULT_FUZZ_MUTATIONS=0 replays the files only.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

namespace fs = std::filesystem;

constexpr size_t kTruncations = 24;
constexpr size_t kCorruptions = 48;

void run(const std::vector<uint8_t> &bytes)
{
    // Copy into an exactly-sized heap buffer so ASan catches any read past the end.
    std::vector<uint8_t> exact(bytes);
    exact.shrink_to_fit();
    LLVMFuzzerTestOneInput(exact.empty() ? nullptr : exact.data(), exact.size());
}

// Deterministic xorshift so every run mutates the same way.
uint64_t next(uint64_t &state)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

size_t replay(const std::vector<uint8_t> &bytes, bool mutate)
{
    size_t runs = 1;
    run(bytes);
    if (!mutate || bytes.empty())
        return runs;
    const size_t n = bytes.size();
    for (size_t i = 1; i <= kTruncations; ++i) {
        const size_t cut = n * i / (kTruncations + 1);
        run(std::vector<uint8_t>(bytes.begin(), bytes.begin() + std::ptrdiff_t(cut)));
        ++runs;
    }
    uint64_t state = 0x9E3779B97F4A7C15ull ^ n;
    for (size_t i = 0; i < kCorruptions; ++i) {
        std::vector<uint8_t> copy(bytes);
        const size_t at = size_t(next(state) % n);
        switch (i % 3) {
        case 0:
            copy[at] ^= uint8_t(1u << (next(state) % 8));
            break;
        case 1:
            copy[at] = 0xFF;
            break;
        default:
            copy[at] = 0x00;
            break;
        }
        run(copy);
        ++runs;
    }
    return runs;
}

bool readFile(const fs::path &path, std::vector<uint8_t> &out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s <corpus-dir-or-file>...\n", argv[0]);
        return 2;
    }
    const char *env = std::getenv("CALLVAULT_FUZZ_MUTATIONS");
    const bool mutate = !(env && std::string(env) == "0");

    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg(argv[i]);
        std::error_code ec;
        if (fs::is_directory(arg, ec)) {
            for (const auto &entry : fs::directory_iterator(arg, ec)) {
                if (entry.is_regular_file())
                    files.push_back(entry.path());
            }
        } else if (fs::is_regular_file(arg, ec)) {
            files.push_back(arg);
        } else {
            std::fprintf(stderr, "%s: no such file or directory\n", argv[i]);
            return 2;
        }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        std::fprintf(stderr, "no corpus files found: an empty corpus tests nothing\n");
        return 1;
    }

    size_t runs = 0;
    for (const fs::path &file : files) {
        std::vector<uint8_t> bytes;
        if (!readFile(file, bytes)) {
            std::fprintf(stderr, "%s: cannot read\n", file.c_str());
            return 2;
        }
        runs += replay(bytes, mutate);
    }
    std::printf("replayed %zu files, %zu inputs in all: no crash\n", files.size(), runs);
    return 0;
}
