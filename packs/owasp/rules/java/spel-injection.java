package com.example.rules;

import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DiscountController {
    private final ExpressionParser parser = new SpelExpressionParser();

    @PostMapping("/discounts/preview")
    public Object preview(@RequestParam String rule) {
        // ruleid: owasp.java.spel-injection
        Expression expr = parser.parseExpression(rule);
        return expr.getValue();
    }

    @PostMapping("/discounts/eval")
    public Object eval(@RequestBody String body) {
        // ruleid: owasp.java.spel-injection
        return parser.parseExpression("price * " + body).getValue();
    }

    @PostMapping("/discounts/fixed")
    public Object fixed(@RequestParam double price) {
        // ok: owasp.java.spel-injection
        Expression expr = parser.parseExpression("#price * 0.9");
        SimpleEvaluationContext ctx = SimpleEvaluationContext.forReadOnlyDataBinding().build();
        ctx.setVariable("price", price);
        return expr.getValue(ctx);
    }
}
