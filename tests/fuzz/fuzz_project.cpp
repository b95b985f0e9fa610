// SPDX-License-Identifier: MIT
// Fuzzes the .pianola project reader: validation and reading agree; an accepted project writes
// and reads back unchanged (and writes the same text again).
#include "model/PlanJson.h"
#include "tests/fuzz/FuzzCheck.h"

using namespace pianola::model;
using pianola::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto read = projectFromJsonWithReport(text);
    const ValidationReport report = validateProjectJson(text);
    check(read.ok() == report.ok(), "validation and reading disagree");
    if (!read.ok()) {
        check(!read.error().message.empty(), "a rejected project without a reason");
        return 0;
    }
    const Project& project = read->project;
    check(project.activeTake == 0 || project.findTake(project.activeTake) != nullptr,
          "the active take does not exist");
    const std::string json = projectToJson(project);
    auto again = projectFromJson(json);
    check(again.ok(), "projectToJson output does not read back");
    check(*again == project, "the project changes through JSON");
    check(projectToJson(*again) == json, "writing is not a fixed point");
    return 0;
}
