package crypt

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"io"
)

func EncryptCBC(key, plaintext []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(plaintext))
	// ruleid: owasp.go.static-iv
	cipher.NewCBCEncrypter(block, []byte("0123456789abcdef")).CryptBlocks(out, plaintext)
	return out, nil
}

func EncryptGCM(key, plaintext []byte) ([]byte, error) {
	block, _ := aes.NewCipher(key)
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	// ruleid: owasp.go.static-iv
	return gcm.Seal(nil, nonce, plaintext, nil), nil
}

func EncryptCTR(key, plaintext []byte) []byte {
	block, _ := aes.NewCipher(key)
	iv := []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
	out := make([]byte, len(plaintext))
	// ruleid: owasp.go.static-iv
	cipher.NewCTR(block, iv).XORKeyStream(out, plaintext)
	return out
}

func EncryptGCMSafe(key, plaintext []byte) ([]byte, error) {
	block, _ := aes.NewCipher(key)
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := io.ReadFull(rand.Reader, nonce); err != nil {
		return nil, err
	}
	// ok: owasp.go.static-iv
	return gcm.Seal(nonce, nonce, plaintext, nil), nil
}

func EncryptCBCSafe(key, plaintext []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	iv := make([]byte, aes.BlockSize)
	_, err = rand.Read(iv)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(plaintext))
	// ok: owasp.go.static-iv
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, plaintext)
	return append(iv, out...), nil
}
