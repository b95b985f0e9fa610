// SPDX-License-Identifier: MIT
// Whole-file reads with a size limit; atomic writes to files, direct writes to devices and FIFOs.
#include "engine/FileIo.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <QSaveFile>
#include <QString>
#include <sys/stat.h>
#include <unistd.h>

namespace pianola::engine {

namespace {
struct FileCloser
{
    void operator()(std::FILE* f) const { std::fclose(f); }
};

Error ioError(const std::string& path, const std::string& why)
{
    return makeError(Error::Code::IoError, path + ": " + why);
}

// A regular or new file: QSaveFile writes a temporary file beside it and renames it on commit.
class AtomicFile final : public OutputFile
{
public:
    AtomicFile(const std::string& path) : m_path(path), m_file(QString::fromStdString(path)) {}
    ~AtomicFile() override
    {
        if (m_file.isOpen()) m_file.cancelWriting();
    }
    Result<void> openFile()
    {
        if (!m_file.open(QIODevice::WriteOnly)) return failure();
        return {};
    }
    Result<void> write(std::span<const std::uint8_t> bytes) override
    {
        const auto size = static_cast<qint64>(bytes.size());
        if (m_file.write(reinterpret_cast<const char*>(bytes.data()), size) != size)
            return failure();
        return {};
    }
    bool seekable() const override { return true; }
    Result<void> writeAt(std::uint64_t offset, std::span<const std::uint8_t> bytes) override
    {
        const qint64 end = m_file.pos();
        if (!m_file.seek(static_cast<qint64>(offset))) return failure();
        if (auto r = write(bytes); !r) return r;
        if (!m_file.seek(end)) return failure();
        return {};
    }
    Result<void> commit() override
    {
        if (!m_file.commit()) return failure();
        return {};
    }

private:
    Error failure()
    {
        const std::string why = m_file.errorString().toStdString();
        if (m_file.isOpen()) m_file.cancelWriting();
        return ioError(m_path, why);
    }

    std::string m_path;
    QSaveFile m_file;
};

// A character device or FIFO: written in place (replacing it would break /dev/null for everyone).
class DirectFile final : public OutputFile
{
public:
    DirectFile(const std::string& path, int fd) : m_path(path), m_fd(fd) {}
    ~DirectFile() override
    {
        if (m_fd >= 0) ::close(m_fd);
    }
    Result<void> write(std::span<const std::uint8_t> bytes) override
    {
        const std::uint8_t* p = bytes.data();
        std::size_t left = bytes.size();
        while (left > 0) {
            const ssize_t n = ::write(m_fd, p, left);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0)
                return ioError(m_path,
                               n < 0 ? std::strerror(errno) : "the device accepted no bytes");
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        return {};
    }
    bool seekable() const override { return false; }
    Result<void> writeAt(std::uint64_t, std::span<const std::uint8_t>) override
    {
        return ioError(m_path, "cannot go back to patch a device or FIFO");
    }
    Result<void> commit() override
    {
        const int fd = m_fd;
        m_fd = -1;
        if (::close(fd) != 0 && errno != EINTR) return ioError(m_path, std::strerror(errno));
        return {};
    }

private:
    std::string m_path;
    int m_fd;
};

Result<std::unique_ptr<OutputFile>> openDirect(const std::string& path)
{
    int fd;
    do
        fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY); // a FIFO waits for its reader
    while (fd < 0 && errno == EINTR);
    if (fd < 0) return ioError(path, std::strerror(errno));
    return std::unique_ptr<OutputFile>(std::make_unique<DirectFile>(path, fd));
}
} // namespace

Result<std::unique_ptr<OutputFile>> OutputFile::open(const std::string& path)
{
    struct stat st = {};
    if (::stat(path.c_str(), &st) == 0) { // follows symlinks: /dev/stdout is its target
        if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) return openDirect(path);
        if (S_ISDIR(st.st_mode)) return ioError(path, "is a directory");
        if (S_ISBLK(st.st_mode)) return ioError(path, "is a block device; refusing to write to it");
        if (S_ISSOCK(st.st_mode)) return ioError(path, "is a socket; refusing to write to it");
    }
    auto file = std::make_unique<AtomicFile>(path);
    if (auto opened = file->openFile(); !opened) return opened.error();
    return std::unique_ptr<OutputFile>(std::move(file));
}

Result<void> readFileInto(const std::string& path, std::size_t maxBytes,
                          std::vector<std::uint8_t>& out)
{
    std::unique_ptr<std::FILE, FileCloser> f(std::fopen(path.c_str(), "rb"));
    if (!f) return ioError(path, std::strerror(errno));
    if (std::fseek(f.get(), 0, SEEK_END) != 0)
        return ioError(path, "cannot seek (not a regular file?)");
    const long size = std::ftell(f.get());
    if (size < 0) return ioError(path, "cannot tell its size");
    if (static_cast<unsigned long>(size) > maxBytes)
        return makeError(Error::Code::TooLarge, path + ": " + std::to_string(size) +
                                                    " bytes is larger than the limit of " +
                                                    std::to_string(maxBytes));
    std::rewind(f.get());
    out.resize(static_cast<std::size_t>(size));
    if (size > 0 && std::fread(out.data(), 1, out.size(), f.get()) != out.size())
        return ioError(path, "read error");
    return {};
}

Result<std::vector<std::uint8_t>> readFile(const std::string& path, std::size_t maxBytes)
{
    std::vector<std::uint8_t> out;
    if (auto r = readFileInto(path, maxBytes, out); !r) return r.error();
    return out;
}

Result<void> writeFileAtomic(const std::string& path, std::span<const std::uint8_t> bytes)
{
    auto file = OutputFile::open(path);
    if (!file) return file.error();
    if (auto written = (*file)->write(bytes); !written) return written;
    return (*file)->commit();
}

Result<void> writeFileAtomic(const std::string& path, std::string_view text)
{
    return writeFileAtomic(
        path, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

} // namespace pianola::engine
