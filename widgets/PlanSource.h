// SPDX-License-Identifier: MIT
// Read-only access to the plans of a project by take id: views keep a TakeId and ask again
// each time, so no view holds a pointer into a take list that changes.
#pragma once

#include "model/Project.h"

namespace pianola::widgets {

class PlanSource
{
public:
    virtual ~PlanSource() = default;
    /// The plan of take `take`, or nullptr if there is none (any more). Valid until the next
    /// change of the project: ask again, do not keep it.
    virtual const model::Plan* plan(model::TakeId take) const = 0;
};

/// A PlanSource over a project that lives elsewhere (and outlives the views).
class ProjectPlans : public PlanSource
{
public:
    explicit ProjectPlans(const model::Project& project) : m_project(project) {}
    const model::Plan* plan(model::TakeId take) const override
    {
        const model::Take* found = m_project.findTake(take);
        return found ? &found->plan : nullptr;
    }

private:
    const model::Project& m_project;
};

} // namespace pianola::widgets
