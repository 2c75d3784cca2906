#pragma once

#include <QByteArray>

#include <cstddef>
#include <vector>

namespace cv {

// Key material that must not linger in memory: move-only, zeroed when destroyed.
// QByteArray is implicitly shared and may leave copies behind, so secrets never live in one
// longer than it takes to hand them to a library call.
class SecretBytes final
{
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size);
    SecretBytes(const unsigned char *data, std::size_t size);
    static SecretBytes fromByteArray(const QByteArray &bytes);
    ~SecretBytes();

    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;

    SecretBytes clone() const;
    unsigned char *data() { return m_bytes.data(); }
    const unsigned char *data() const { return m_bytes.data(); }
    std::size_t size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.empty(); }
    void resize(std::size_t size);
    void clear();
    // A copy in a QByteArray, for handing to Qt APIs (keychain). The caller zeroes it.
    QByteArray toByteArray() const;

private:
    std::vector<unsigned char> m_bytes;
};

} // namespace cv
