package forms

import "shenbao/forms/photo"

// photoSize reads the stored photo's pixel size from its header, refusing a photo the outputs
// cannot print: not a picture, over the pipeline's size limits, or cut off.
func photoSize(p *Photo) (w, h int, err error) {
	data, err := PhotoBytes(p)
	if err != nil {
		return 0, 0, err
	}
	info, err := photo.CheckStored(data)
	if err != nil {
		return 0, 0, photoError{err}
	}
	return info.Width, info.Height, nil
}

// photoError is a pipeline error about the stored photo; the check shows its own sentence.
type photoError struct{ err error }

func (e photoError) Error() string { return photo.Message(e.err) }

func (e photoError) Unwrap() error { return e.err }
