#include "secretbytes.h"

#include <openssl/crypto.h>

namespace cv {

SecretBytes::SecretBytes(std::size_t size) : m_bytes(size, 0) {}

SecretBytes::SecretBytes(const unsigned char *data, std::size_t size) : m_bytes(data, data + size) {}

SecretBytes SecretBytes::fromByteArray(const QByteArray &bytes)
{
    return SecretBytes(reinterpret_cast<const unsigned char *>(bytes.constData()),
                       static_cast<std::size_t>(bytes.size()));
}

SecretBytes::~SecretBytes()
{
    clear();
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes.clear();
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes.clear();
    }
    return *this;
}

SecretBytes SecretBytes::clone() const
{
    return SecretBytes(m_bytes.data(), m_bytes.size());
}

void SecretBytes::resize(std::size_t size)
{
    // Growing a vector may reallocate and leave the old buffer behind unzeroed, so copy into
    // a fresh buffer and zero the old one ourselves.
    std::vector<unsigned char> fresh(size, 0);
    std::copy(m_bytes.begin(), m_bytes.begin() + static_cast<std::ptrdiff_t>(std::min(size, m_bytes.size())),
              fresh.begin());
    clear();
    m_bytes = std::move(fresh);
}

void SecretBytes::clear()
{
    if (!m_bytes.empty())
        OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
    m_bytes.clear();
}

QByteArray SecretBytes::toByteArray() const
{
    return QByteArray(reinterpret_cast<const char *>(m_bytes.data()), static_cast<qsizetype>(m_bytes.size()));
}

} // namespace cv
