package emulator

// objectKind serves the fetch, update and delete of one collection's objects: every collection answers
// them alike (answer, revised, gone: 404 for an object the path does not reach, an update that fails
// leaves the object as it was, a delete answers 204), and only what the fields say differs. Creates and
// lists keep handlers of their own, since their rules (required parameters, filters) are each
// collection's own. poolKind and trustEntityKind build theirs from it.
type objectKind[T any, P interface {
	*T
	touch()
}] struct {
	// find finds the object the request's path names, or says why not (404 for another account's too).
	find   func(e *Emulator, c *call) (P, *apiError)
	render func(e *Emulator, c *call, v P) any
	// edit changes next, a copy of v, by the update's parameters; collections without an update leave it nil.
	edit func(e *Emulator, c *call, v, next P) *apiError
	// refuse, when set, says why v cannot be deleted now.
	refuse func(e *Emulator, v P) *apiError
	// drop deletes v, and what goes with it.
	drop func(e *Emulator, v P)
}

func (k objectKind[T, P]) fetch(e *Emulator, c *call) result {
	v, err := k.find(e, c)
	return answer(err, func() any { return k.render(e, c, v) })
}

func (k objectKind[T, P]) update(e *Emulator, c *call) result {
	v, err := k.find(e, c)
	return revised(v, err, func(next P) *apiError { return k.edit(e, c, v, next) }, func() any { return k.render(e, c, v) })
}

func (k objectKind[T, P]) delete(e *Emulator, c *call) result {
	v, err := k.find(e, c)
	if err == nil && k.refuse != nil {
		err = k.refuse(e, v)
	}
	return gone(err, func() { k.drop(e, v) })
}
