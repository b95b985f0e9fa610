// SPDX-License-Identifier: MIT
// Project helpers: take look-up and id allocation.
#include "model/Project.h"

#include <algorithm>

namespace pianola::model {

Take* Project::findTake(TakeId id)
{
    auto it = std::find_if(takes.begin(), takes.end(), [id](const Take& t) { return t.id == id; });
    return it == takes.end() ? nullptr : &*it;
}

const Take* Project::findTake(TakeId id) const
{
    return const_cast<Project*>(this)->findTake(id);
}

const Interpretation* Project::findInterpretation(TakeId take) const
{
    const auto it = std::find_if(interpretations.begin(), interpretations.end(),
                                 [take](const Interpretation& i) { return i.take == take; });
    return it == interpretations.end() ? nullptr : &*it;
}

void Project::setInterpretation(Interpretation interpretation)
{
    std::erase_if(interpretations,
                  [&](const Interpretation& i) { return i.take == interpretation.take; });
    interpretations.push_back(std::move(interpretation));
}

TakeId Project::nextTakeId() const
{
    TakeId next = 1;
    for (const Take& t : takes)
        next = std::max(next, t.id + 1);
    return next;
}

} // namespace pianola::model
