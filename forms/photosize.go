package forms

// PhotoReader reads a stored photo's pixel size from its header, or says why the outputs cannot
// print it (not a picture, over the pipeline's size limits, cut off); the error's text is a
// sentence for the user. The photo pipeline provides it (photo.StoredSize): forms decodes no
// pictures, so the checks do not pull the decoders into every package that reads a draft.
type PhotoReader func(data []byte) (w, h int, err error)

// photoSize decodes the stored photo's base64 and asks the reader for its size. An error of
// the reader comes back as a photoError, whose sentence the check shows as it is.
func photoSize(p *Photo, read PhotoReader) (w, h int, err error) {
	data, err := PhotoBytes(p)
	if err != nil {
		return 0, 0, err
	}
	w, h, err = read(data)
	if err != nil {
		return 0, 0, photoError{err}
	}
	return w, h, nil
}

// photoError is a pipeline error about the stored photo; the check shows its own sentence.
type photoError struct{ err error }

func (e photoError) Error() string { return e.err.Error() }

func (e photoError) Unwrap() error { return e.err }
