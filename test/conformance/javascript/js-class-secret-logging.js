class PaymentClient {
  constructor(apiKey, secretKey) {
    this.apiKey = apiKey;
    this.secretKey = secretKey;
    this.name = "payments";
    // ruleid: js-class-secret-logging
    console.log("init", this.apiKey);
  }

  async charge(amount) {
    // ruleid: js-class-secret-logging
    console.debug(this.secretKey, amount);
    // ok: js-class-secret-logging
    console.log("charging", this.name, amount);
    // the regex is left-anchored: clientSecret does not start with secret
    // ok: js-class-secret-logging
    console.log(this.clientSecret);
    // ok: js-class-secret-logging
    console.log(this.apiKeyHint ? "set" : "unset");
    // ok: js-class-secret-logging
    logger.info(this.apiKey);
  }
}

function standalone() {
  // not inside a class
  // ok: js-class-secret-logging
  console.log(this.apiKey);
}
