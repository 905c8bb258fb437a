package vault

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/rand"
	"crypto/rc4"
	"io"

	"golang.org/x/crypto/blowfish"
)

func EncryptCard(key, pan []byte) (cipher.Block, error) {
	// ruleid: owasp.go.weak-cipher
	return des.NewTripleDESCipher(key)
}

func LegacyStream(key, data []byte) ([]byte, error) {
	// ruleid: owasp.go.weak-cipher
	c, err := rc4.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out, nil
}

func OldBlock(key []byte) (*blowfish.Cipher, error) {
	// ruleid: owasp.go.weak-cipher
	return blowfish.NewCipher(key)
}

func Seal(key, plaintext []byte) ([]byte, error) {
	// ok: owasp.go.weak-cipher
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := io.ReadFull(rand.Reader, nonce); err != nil {
		return nil, err
	}
	return gcm.Seal(nonce, nonce, plaintext, nil), nil
}
