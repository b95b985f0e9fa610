// SPDX-License-Identifier: MIT
// Whole-file reads with a size limit and atomic writes.
#include "engine/FileIo.h"

#include <QSaveFile>
#include <QString>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace pianola::engine {

namespace {
struct FileCloser
{
    void operator()(std::FILE* f) const { std::fclose(f); }
};
} // namespace

Result<void> readFileInto(const std::string& path, std::size_t maxBytes, std::vector<std::uint8_t>& out)
{
    std::unique_ptr<std::FILE, FileCloser> f(std::fopen(path.c_str(), "rb"));
    if (!f)
        return makeError(Error::Code::IoError, path + ": " + std::strerror(errno));
    if (std::fseek(f.get(), 0, SEEK_END) != 0)
        return makeError(Error::Code::IoError, path + ": cannot seek (not a regular file?)");
    const long size = std::ftell(f.get());
    if (size < 0)
        return makeError(Error::Code::IoError, path + ": cannot tell its size");
    if (static_cast<unsigned long>(size) > maxBytes)
        return makeError(Error::Code::TooLarge, path + ": " + std::to_string(size) +
                                                    " bytes is larger than the limit of " +
                                                    std::to_string(maxBytes));
    std::rewind(f.get());
    out.resize(static_cast<std::size_t>(size));
    if (size > 0 && std::fread(out.data(), 1, out.size(), f.get()) != out.size())
        return makeError(Error::Code::IoError, path + ": read error");
    return {};
}

Result<std::vector<std::uint8_t>> readFile(const std::string& path, std::size_t maxBytes)
{
    std::vector<std::uint8_t> out;
    if (auto r = readFileInto(path, maxBytes, out); !r)
        return r.error();
    return out;
}

Result<void> writeFileAtomic(const std::string& path, std::span<const std::uint8_t> bytes)
{
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        return makeError(Error::Code::IoError, path + ": " + file.errorString().toStdString());
    const auto size = static_cast<qint64>(bytes.size());
    if (file.write(reinterpret_cast<const char*>(bytes.data()), size) != size) {
        file.cancelWriting();
        return makeError(Error::Code::IoError, path + ": " + file.errorString().toStdString());
    }
    if (!file.commit())
        return makeError(Error::Code::IoError, path + ": " + file.errorString().toStdString());
    return {};
}

Result<void> writeFileAtomic(const std::string& path, std::string_view text)
{
    return writeFileAtomic(path, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

} // namespace pianola::engine
